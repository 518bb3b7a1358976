// Docker's random container names ("adjective_scientist"), drawn from the world's seeded RNG.
import {randomInt, type RandomSource} from '../rng.ts';

const adjectives = [
	'admiring', 'affectionate', 'agitated', 'amazing', 'angry', 'awesome', 'beautiful', 'blissful', 'bold', 'boring',
	'brave', 'busy', 'charming', 'clever', 'compassionate', 'competent', 'condescending', 'confident', 'cool', 'cranky',
	'crazy', 'dazzling', 'determined', 'distracted', 'dreamy', 'eager', 'ecstatic', 'elastic', 'elated', 'elegant',
	'eloquent', 'epic', 'exciting', 'fervent', 'festive', 'flamboyant', 'focused', 'friendly', 'frosty', 'funny',
	'gallant', 'gifted', 'goofy', 'gracious', 'great', 'happy', 'hardcore', 'heuristic', 'hopeful', 'hungry',
	'infallible', 'inspiring', 'intelligent', 'interesting', 'jolly', 'jovial', 'keen', 'kind', 'laughing', 'loving',
	'lucid', 'magical', 'modest', 'musing', 'mystifying', 'naughty', 'nervous', 'nice', 'nifty', 'nostalgic',
	'objective', 'optimistic', 'peaceful', 'pedantic', 'pensive', 'practical', 'priceless', 'quirky', 'quizzical', 'recursing',
	'relaxed', 'reverent', 'romantic', 'sad', 'serene', 'sharp', 'silly', 'sleepy', 'stoic', 'strange',
	'stupefied', 'suspicious', 'sweet', 'tender', 'thirsty', 'trusting', 'unruffled', 'upbeat', 'vibrant', 'vigilant',
	'vigorous', 'wizardly', 'wonderful', 'xenodochial', 'youthful', 'zealous', 'zen',
];

const surnames = [
	'agnesi', 'albattani', 'allen', 'archimedes', 'babbage', 'banach', 'bardeen', 'bartik', 'bell', 'bhabha',
	'black', 'blackwell', 'bohr', 'booth', 'borg', 'bose', 'brahmagupta', 'brattain', 'brown', 'carson',
	'cerf', 'chandrasekhar', 'chaplygin', 'clarke', 'curie', 'darwin', 'davinci', 'diffie', 'dijkstra', 'dubinsky',
	'easley', 'edison', 'einstein', 'elgamal', 'elion', 'engelbart', 'euclid', 'euler', 'faraday', 'fermat',
	'fermi', 'feynman', 'franklin', 'galileo', 'gates', 'goldberg', 'goldstine', 'goodall', 'hamilton', 'hawking',
	'heisenberg', 'hellman', 'hermann', 'hodgkin', 'hoover', 'hopper', 'hypatia', 'jang', 'jennings', 'johnson',
	'kalam', 'keldysh', 'kepler', 'khorana', 'kilby', 'knuth', 'kowalevski', 'lalande', 'lamarr', 'lamport',
	'leakey', 'leavitt', 'lederberg', 'lehmann', 'lewin', 'liskov', 'lovelace', 'lumiere', 'mahavira', 'mayer',
	'mccarthy', 'mcclintock', 'meitner', 'mendel', 'merkle', 'mirzakhani', 'morse', 'napier', 'newton', 'nobel',
	'noether', 'panini', 'pascal', 'pasteur', 'payne', 'perlman', 'pike', 'poincare', 'ptolemy', 'raman',
	'ramanujan', 'ride', 'ritchie', 'rosalind', 'sammet', 'shamir', 'shannon', 'shockley', 'sinoussi', 'stonebraker',
	'swanson', 'swartz', 'tesla', 'thompson', 'torvalds', 'turing', 'varahamihira', 'villani', 'wescoff', 'wiles',
	'williams', 'wilson', 'wing', 'wozniak', 'wright', 'yalow', 'yonath', 'zhukovsky',
];

export function randomContainerName(state: RandomSource, taken: (name: string) => boolean): string {
	for (let attempt = 0; ; attempt++) {
		const base = `${adjectives[randomInt(state, adjectives.length)]}_${surnames[randomInt(state, surnames.length)]}`;
		// Docker's own rule: nobody is boring, Steve Wozniak least of all.
		if (base === 'boring_wozniak') continue;
		const name = attempt > 20 ? `${base}${randomInt(state, 10)}` : base;
		if (!taken(name)) return name;
	}
}
