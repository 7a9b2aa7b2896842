// The local data stores' presigned URLs (GET/HEAD with Range, PUT of objects and multipart parts),
// streamed both ways. The URL's signature is the authority, as with S3's presigned URLs.
import { localStoreForGrant } from "@/server/datasets/open-store";
import { serveLocalStorage } from "@/server/storage/local-route";

export const dynamic = "force-dynamic";

function handle(req: Request): Promise<Response> {
  return serveLocalStorage(req, localStoreForGrant);
}

export { handle as GET, handle as HEAD, handle as PUT, handle as OPTIONS };
