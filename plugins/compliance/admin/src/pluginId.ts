export const PLUGIN_ID = 'compliance';
