"use client";
// An image URL the page may show. The page's policy allows images from Benchtop itself, data:
// and blob: only (so Markdown cannot load outside images), so an object on an S3 store is fetched
// (connect-src names the person's stores; the bucket's CORS must allow GET from Benchtop) and
// shown from a blob: URL. A local store's URLs are Benchtop's own and are used as they are.
import { useEffect, useState } from "react";

const sameOrigin = (url: string) => new URL(url, window.location.href).origin === window.location.origin;

export function useViewableUrl(url: string | null | undefined): { src: string | null; failed: boolean } {
  const [state, setState] = useState<{ for: string | null; src: string | null; failed: boolean }>({ for: null, src: null, failed: false });
  const local = url ? sameOrigin(url) : false;

  useEffect(() => {
    if (!url || local) return;
    const controller = new AbortController();
    let made: string | null = null;
    fetch(url, { signal: controller.signal, credentials: "omit" })
      .then((res) => (res.ok ? res.blob() : Promise.reject(new Error(String(res.status)))))
      .then((blob) => {
        made = URL.createObjectURL(blob);
        setState({ for: url, src: made, failed: false });
      })
      .catch(() => {
        if (!controller.signal.aborted) setState({ for: url, src: null, failed: true });
      });
    return () => {
      controller.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [url, local]);

  if (!url) return { src: null, failed: false };
  if (local) return { src: url, failed: false };
  return state.for === url ? { src: state.src, failed: state.failed } : { src: null, failed: false };
}
