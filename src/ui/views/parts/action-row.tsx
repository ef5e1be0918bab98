import type { ActionRecord } from '../../../model/index.ts';
import { ItemRow, type ItemRowProps, type RowPosition } from '../../rows/item-row.tsx';

/** What a row of actions needs from its view. */
export type ActionRowProps = ItemRowProps;

/** One action: its Done box, state toggles, star, name (selects it), due and repeat notes, and the row keys (see ItemRow). */
export function ActionRow({ action, ...props }: ActionRowProps & { action: ActionRecord; position?: RowPosition }) {
  return <ItemRow record={action} {...props} />;
}
