import type { ReactNode } from "react";
import type { ApiError } from "../lib/api.ts";
import type { AsyncData } from "../lib/use-async-data.ts";
import { useErrorMessage } from "../lib/use-error-message.ts";
import { Loading } from "./loading.tsx";

interface AsyncContentProps<T> {
  data: AsyncData<T>;
  /** What a failed load shows; by default the error's sentence as an alert. */
  failed?: (error: ApiError) => ReactNode;
  children: (data: T) => ReactNode;
}

/** Shows loaded data, or while it loads a status, or why it could not be loaded. */
export function AsyncContent<T>({ data, failed, children }: AsyncContentProps<T>) {
  const describeError = useErrorMessage();
  switch (data.state) {
    case "loading":
      return <Loading />;
    case "failed":
      return failed ? (
        failed(data.error)
      ) : (
        <p className="inline-error" role="alert">
          {describeError(data.error)}
        </p>
      );
    case "loaded":
      return children(data.data);
  }
}
