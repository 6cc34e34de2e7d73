// A DSFR table: its caption (said to screen readers, shown only when asked), the DSFR's wrappers around it, and cells
// that wrap their text (titles and hashes are long).
import type { ComponentChildren } from 'preact';

interface DataTableProps {
  readonly id: string;
  readonly caption: string;
  /** Show the caption too; by default the heading above the table says it to sighted readers. */
  readonly showCaption?: boolean;
  readonly children: ComponentChildren;
}

export function DataTable({ id, caption, showCaption = false, children }: DataTableProps) {
  return (
    <div class={`fr-table fr-table--sm fr-table--multiline${showCaption ? '' : ' fr-table--no-caption'}`} id={id}>
      <div class="fr-table__wrapper">
        <div class="fr-table__container">
          <div class="fr-table__content">
            <table>
              <caption>{caption}</caption>
              {children}
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
