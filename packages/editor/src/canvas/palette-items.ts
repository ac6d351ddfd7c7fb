/** The palette, generated from the block catalog: grouped, filtered by flow type and search text. */
import { BLOCKS, type BlockDefinition, type FlowType, PALETTE_GROUPS } from '@callflow/model';

export interface PaletteGroupView {
  id: string;
  title: string;
  blocks: BlockDefinition[];
}

export function paletteGroups(flowType: FlowType | undefined, query = ''): PaletteGroupView[] {
  const q = query.trim().toLowerCase();
  const allowed = (BLOCKS as readonly BlockDefinition[]).filter(
    (b) => (!flowType || b.flowTypes.includes(flowType)) && matches(b, q),
  );
  return PALETTE_GROUPS.map((g) => ({
    id: g.id,
    title: g.title,
    blocks: allowed.filter((b) => b.group === g.id),
  })).filter((g) => g.blocks.length > 0);
}

function matches(block: BlockDefinition, q: string): boolean {
  if (!q) return true;
  return [block.title, block.type, block.description].some((text) => text.toLowerCase().includes(q));
}

/** The MIME type of a palette drag, so the canvas ignores unrelated drops (files, text). */
export const BLOCK_DRAG_TYPE = 'application/x-callflow-block';
