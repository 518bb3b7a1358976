export function bundle(options?: {entry?: string; outfile?: string}): Promise<void>;
