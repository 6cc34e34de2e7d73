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
        <div class="fr-table__container">
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
