import path from "node:path";
import { env } from "../env";
import { LocalObjectStore } from "./local-store";
import type { ObjectStore } from "./object-store";

let store: ObjectStore | null = null;

/** The store for snapshots, checkpoints and artifacts: BENCHTOP_HOME/storage by default. */
export function objectStore(): ObjectStore {
  store ??= new LocalObjectStore(path.join(env.home, "storage"));
  return store;
}
