import path from 'node:path';
import { projectRoot } from '../knowledge/paths';

/** The content files of this layer: checklists, contacts, case facts, bot texts, legal notes. */
export const dialogsDir = path.join(projectRoot, 'dialogs');
export const checklistsDir = path.join(dialogsDir, 'checklists');
