import { Fragment, type ReactNode } from "react";
import type { Segment } from "./highlight.ts";

/** "und" (undetermined) is no language to tell a screen reader about. */
export function langOf(tag: string): string | undefined {
  return tag === "und" ? undefined : tag;
}

/**
 * Text with the words behind its suggestions marked. The marks only repeat what each suggestion
 * says in words ("Suggested because of the words …"), so nothing depends on seeing the colour.
 */
export function MarkedText({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.kind === null ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments never move; their order is the text.
          <Fragment key={index}>{segment.text}</Fragment>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <mark key={index} className={`import-mark import-mark--${segment.kind}`}>
            {segment.text}
          </mark>
        ),
      )}
    </>
  );
}

/** Puts a node where a translated sentence has its one placeholder (passed to t() as PLACEHOLDER). */
export function interpolate(sentence: string, node: ReactNode): ReactNode {
  const [before = "", after = ""] = sentence.split(PLACEHOLDER);
  return (
    <>
      {before}
      {node}
      {after}
    </>
  );
}

export const PLACEHOLDER = "\u0000";
