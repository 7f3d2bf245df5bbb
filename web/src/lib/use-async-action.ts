import { useState } from "react";
import { toApiError } from "./api.ts";
import { useErrorMessage } from "./use-error-message.ts";

/**
 * Runs an action a button starts (sign out, revoke, remove), keeping the button busy meanwhile and
 * the failure as a sentence to show. After success it stays busy: what follows replaces the control.
 */
export function useAsyncAction() {
  const describeError = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(describeError(toApiError(caught)));
      setBusy(false);
    }
  }

  return { busy, error, run };
}
