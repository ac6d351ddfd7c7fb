import { BLOCKS, FLOW_TYPES, PALETTE_GROUPS } from '@callflow/model';
import { serviceRoutes as API } from '@callflow/model/api-contract';
import type { Express } from 'express';
import { route } from '../http/contract-route.js';

/** The block catalog as plain data, for clients that do not bundle @callflow/model. */
export function catalogDocument() {
  return {
    flowTypes: FLOW_TYPES,
    groups: PALETTE_GROUPS,
    blocks: BLOCKS.map((block) => {
      const defaults = block.defaults();
      return {
        type: block.type,
        title: block.title,
        group: block.group,
        icon: block.icon,
        description: block.description,
        docs: block.docs,
        flowTypes: block.flowTypes,
        terminal: block.terminal,
        outcomeNames: block.outcomeNames,
        outcomes: block.outcomes(defaults),
        defaults,
        settingsSchema: block.settingsSchema,
        form: block.form,
      };
    }),
  };
}

export function catalogRoutes(app: Express): void {
  const document = catalogDocument();
  route(app, API.catalog, (_input, _req, res) => {
    res.json(document);
  });
}
