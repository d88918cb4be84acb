export const PLUGIN = 'public-cache';
export const CONFIG_KEY = `plugin::${PLUGIN}`;
