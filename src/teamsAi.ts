/**
 * The parts of @microsoft/teams-ai Lotse uses. Imported from their own modules instead of the package
 * index: the index also loads the AI layer's planners, the OpenAI client and a GPT tokenizer (~190 more
 * modules, ~0.4 s at every start and in every test file) that a bot without a language model never runs.
 * teams-ai is pinned to 1.7.x; a moved module fails the build, not a running bot.
 */
export { Application } from '@microsoft/teams-ai/lib/Application';
export { TurnState } from '@microsoft/teams-ai/lib/TurnState';
