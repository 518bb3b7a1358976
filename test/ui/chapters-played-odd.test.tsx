// The odd-numbered chapters played through the dashboard at 80x24 (see chapters-played.tsx).
import {playChapters} from './chapters-played.tsx';

playChapters(n => n % 2 === 1);
