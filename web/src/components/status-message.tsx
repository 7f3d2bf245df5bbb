import type { ReactNode } from "react";

/**
 * A polite live region: announced when its text changes, without moving focus. The region is
 * always in the page, because screen readers may miss a region that appears together with its text.
 */
export function StatusMessage({
  children,
  tone = "info",
}: {
  children?: ReactNode;
  tone?: "info" | "success" | "warning";
}) {
  return (
    <div className="status-slot" role="status">
      {children ? <p className={`status-message status-message--${tone}`}>{children}</p> : null}
    </div>
  );
}
