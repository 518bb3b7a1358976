// One line of the final challenge's high-score table, saved with the chapter's progress.
import {z} from 'zod';

export const highScoreSchema = z.object({
	seed: z.number().int(),
	score: z.number().int().min(0),
	availability: z.number().min(0).max(1),
	commands: z.number().int().min(0),
	hints: z.number().int().min(0),
	at: z.string(), // ISO time the game was won
});
export type HighScore = z.output<typeof highScoreSchema>;

/** The table keeps the best few games. */
export const highScoreLimit = 10;
