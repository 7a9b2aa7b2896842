// Runs in each test worker before the test file is imported, so server/env.ts sees these.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.BENCHTOP_MODE = "development";
process.env.AUTH_SECRET = "test-secret-test-secret-test-secret-0123456789";
process.env.LOG_LEVEL = "silent";
delete process.env.SMTP_URL;
// Short leases, so lost-agent tests do not wait 30 s.
process.env.BENCHTOP_HEARTBEAT_TIMEOUT_SECONDS = "2";
process.env.BENCHTOP_HOME = process.env.BENCHTOP_HOME ?? `/tmp/benchtop-vitest-${process.pid}`;
// Local data stores may only be rooted here (tests make their store folders inside it); never
// around BENCHTOP_HOME, which the server refuses.
process.env.BENCHTOP_LOCAL_STORE_ROOTS = process.env.BENCHTOP_LOCAL_STORE_ROOTS ?? "/tmp/benchtop-vitest-stores";
