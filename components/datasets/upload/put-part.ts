// One part of a multipart upload, PUT straight to the store through its presigned URL. XHR rather
// than fetch because only XHR reports upload progress; the part's ETag comes back in a header the
// store must expose to the page (Access-Control-Expose-Headers: ETag on S3, same origin locally).

export class PartError extends Error {
  constructor(
    message: string,
    /** Worth another try: the network dropped or the store answered 5xx / 429. */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export function putPart(url: string, body: Blob, signal: AbortSignal, onProgress: (loaded: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new DOMException("Cancelled", "AbortError"));
    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    signal.addEventListener("abort", onAbort, { once: true });
    const done = () => signal.removeEventListener("abort", onAbort);
    xhr.open("PUT", url);
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      done();
      if (xhr.status >= 200 && xhr.status < 300) {
        const etag = xhr.getResponseHeader("ETag");
        if (!etag) {
          return reject(
            new PartError(
              "The store accepted a part but did not let the browser read its ETag. A lab admin must allow the ETag header in the bucket's CORS rules (ExposeHeaders).",
              false,
            ),
          );
        }
        return resolve(etag);
      }
      const retryable = xhr.status >= 500 || xhr.status === 429;
      reject(new PartError(storeRefusal(xhr.status, xhr.responseText), retryable));
    };
    xhr.onerror = () => {
      done();
      reject(new PartError("The connection to the store dropped while sending a part.", true));
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException("Cancelled", "AbortError"));
    };
    xhr.send(body);
  });
}

function storeRefusal(status: number, body: string): string {
  // S3 answers XML like <Error><Code>AccessDenied</Code><Message>...</Message></Error>.
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
  if (status === 403) return `The store refused the part (403${message ? `: ${message}` : ""}). The upload link may have expired; retry to get fresh ones.`;
  return `The store answered ${status} to a part${message ? `: ${message}` : ""}.`;
}
