import { useCallback, useEffect, useState } from "react";
import { type ApiError, toApiError } from "./api.ts";

export type AsyncData<T> = { state: "loading" } | { state: "failed"; error: ApiError } | { state: "loaded"; data: T };

/** Loads data when `load` changes (wrap it in useCallback) and lets the caller reload it after a change. */
export function useAsyncData<T>(load: () => Promise<T>): [AsyncData<T>, () => void] {
  const [result, setResult] = useState<AsyncData<T>>({ state: "loading" });
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `generation` is the reload trigger.
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setResult({ state: "loaded", data }),
      (error: unknown) => current && setResult({ state: "failed", error: toApiError(error) }),
    );
    return () => {
      current = false;
    };
  }, [load, generation]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return [result, reload];
}
