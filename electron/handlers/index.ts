// Every handler map; the router merges them and refuses a name defined twice.
import { appHandlers } from './app';
import { claimHandlers } from './claims';
import { curationHandlers } from './curation';
import { exploreHandlers } from './explore';
import { entityHandlers } from './entities';
import { graphHandlers } from './graph';
import { historyHandlers } from './history';
import { importHandlers } from './import';
import { exportHandlers } from './export';
import type { HandlerMap } from './types';

export const allHandlers: readonly HandlerMap[] = [appHandlers, graphHandlers, entityHandlers, claimHandlers, historyHandlers, curationHandlers, importHandlers, exploreHandlers, exportHandlers];
