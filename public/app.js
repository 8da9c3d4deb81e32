// The chat page: asks POST /api/chat with streaming, renders the answer as it arrives, opens
// cited passages in a dialog and keeps the conversation across a reload; beside it, the Study
// view (study-view.js). Native ES modules, no build step (`npm run typecheck:public` checks
// their JSDoc types). Every piece of text from the server is inserted with textContent / text
// nodes, never as HTML.

import { showSavedConversation } from "./ask.js";
import { setUpComposer } from "./composer.js";
import { updateControls } from "./controls.js";
import { setUpSourceDialog } from "./source-dialog.js";
import { loadStatus } from "./status-line.js";
import { setUpStudyView } from "./study-view.js";

setUpSourceDialog();
setUpComposer();
showSavedConversation();
updateControls();
setUpStudyView();
void loadStatus();
