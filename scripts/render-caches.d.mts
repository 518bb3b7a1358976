export function patchRenderCaches(path: string, source: string): string | undefined;
export const renderCachesFilter: RegExp;
