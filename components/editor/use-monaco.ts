"use client";
// Monaco comes from Benchtop's own /monaco/<version>/vs (the AMD build), fetched the first time
// the files workspace mounts, never on other pages and never from a CDN.
import { loader } from "@monaco-editor/react";
import type * as Monaco from "monaco-editor";
import { useEffect, useState } from "react";

export type MonacoApi = typeof Monaco;

let loading: Promise<MonacoApi> | null = null;

export function loadMonaco(vsPath: string): Promise<MonacoApi> {
  if (!loading) {
    loader.config({ paths: { vs: vsPath } });
    loading = loader.init() as unknown as Promise<MonacoApi>;
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

export function useMonaco(vsPath: string): { monaco: MonacoApi | null; error: string | null } {
  const [monaco, setMonaco] = useState<MonacoApi | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadMonaco(vsPath).then(
      (m) => live && setMonaco(m),
      () => live && setError("The editor could not be loaded. Reload the page to try again."),
    );
    return () => {
      live = false;
    };
  }, [vsPath]);
  return { monaco, error };
}
