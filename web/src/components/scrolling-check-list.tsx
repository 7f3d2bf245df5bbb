/** One choosable item: its value, its name, and a detail shown after it in brackets. */
export interface CheckOption {
  value: string;
  label: string;
  detail: string;
}

interface ScrollingCheckListProps {
  /** The options to show (already filtered by the caller's search field). */
  options: readonly CheckOption[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  /** Said instead of the list when no option is shown. */
  emptyText: string;
  className?: string;
}

/** A scrolling list of checkboxes for choosing several of many items, under a search field. */
export function ScrollingCheckList({ options, chosen, onChange, emptyText, className }: ScrollingCheckListProps) {
  if (options.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ul className={className ? `check-list check-list--scroll ${className}` : "check-list check-list--scroll"}>
      {options.map((option) => (
        <li key={option.value}>
          <label className="check">
            <input
              type="checkbox"
              checked={chosen.includes(option.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? [...chosen.filter((value) => value !== option.value), option.value]
                    : chosen.filter((value) => value !== option.value),
                )
              }
            />
            <span>
              {option.label} <span className="muted">({option.detail})</span>
            </span>
          </label>
        </li>
      ))}
    </ul>
  );
}
