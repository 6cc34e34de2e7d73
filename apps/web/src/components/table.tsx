// A DSFR table: its caption (read by screen readers, hidden on screen unless `showCaption`), headers and rows.
import type { ComponentChildren } from 'preact';

interface TableProps {
  readonly caption: string;
  readonly headers: readonly string[];
  readonly showCaption?: boolean;
  readonly id?: string;
  /** The rows (<tr>), each opened by a <th scope="row">. */
  readonly children: ComponentChildren;
}

export function Table({ caption, headers, showCaption = false, id, children }: TableProps) {
  return (
    <div class={`fr-table fr-table--sm ${showCaption ? '' : 'fr-table--no-caption'}`} id={id}>
      <div class="fr-table__wrapper">
        {/* A wide or long table scrolls in its container: focusable and named, a keyboard can scroll it too. */}
        <div class="fr-table__container" tabIndex={0} role="region" aria-label={caption}>
          <div class="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {headers.map((header) => (
                    <th scope="col" key={header}>
                      {header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>{children}</tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
