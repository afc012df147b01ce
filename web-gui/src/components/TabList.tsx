import { useRef, type KeyboardEvent } from 'react';

interface TabListProps<T extends string> {
  tabs: readonly T[];
  current: T;
  onOpen: (tab: T) => void;
  /** The tab's visible name. */
  labelOf: (tab: T) => string;
  /** Accessible name of the whole list. */
  label: string;
}

/**
 * A tablist as ARIA describes it: only the open tab is in the tab order; arrow keys, Home and End move to a tab and
 * open it. The panel is the caller's: `<div role="tabpanel" id={tabPanelId(tab)} aria-labelledby={tabId(tab)}>`.
 */
export function TabList<T extends string>({ tabs, current, onOpen, labelOf, label }: TabListProps<T>) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const focused = buttons.current.indexOf(event.target as HTMLButtonElement);
    const index = focused >= 0 ? focused : tabs.indexOf(current);
    const target = ({ ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 } as Record<string, number>)[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + tabs.length) % tabs.length;
    onOpen(tabs[next]);
    buttons.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKeyDown}>
      {tabs.map((name, index) => (
        <button
          key={name}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="tab"
          id={tabId(name)}
          aria-selected={name === current}
          aria-controls={name === current ? tabPanelId(name) : undefined}
          tabIndex={name === current ? 0 : -1}
          onClick={() => onOpen(name)}
        >
          {labelOf(name)}
        </button>
      ))}
    </div>
  );
}

export const tabId = (tab: string) => `tab-${tab}`;
export const tabPanelId = (tab: string) => `panel-${tab}`;
