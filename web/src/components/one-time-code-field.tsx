import type { ComponentProps } from "react";
import { TextField } from "./text-field.tsx";

type OneTimeCodeFieldProps = Omit<
  ComponentProps<typeof TextField>,
  "type" | "inputMode" | "autoComplete" | "spellCheck" | "required" | "width"
>;

/** A short numeric input that authenticator apps and password managers recognize as a one-time code. */
export function OneTimeCodeField(props: OneTimeCodeFieldProps) {
  return (
    <TextField
      type="text"
      inputMode="numeric"
      autoComplete="one-time-code"
      spellCheck={false}
      required
      width="code"
      {...props}
    />
  );
}
