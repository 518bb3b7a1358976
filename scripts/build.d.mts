export function bundle(options?: {entry?: string; embed?: string; outfile?: string}): Promise<void>;
