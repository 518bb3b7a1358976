// Pathname expansion: `*.txt`, `/etc/*.conf`, `file?.log`, `[ab]*`, matched component by component
// against directory listings the caller provides. Backslash-escaped characters match themselves.

export function hasGlob(text: string): boolean {
	return /[*?[]/.test(text);
}

function hasActiveGlob(component: string): boolean {
	for (let i = 0; i < component.length; i++) {
		if (component[i] === '\\') i++;
		else if ('*?['.includes(component[i]!)) return true;
	}
	return false;
}

function unescape(component: string): string {
	return component.replace(/\\(.)/g, '$1');
}

/** A regular expression for one path component's pattern; an unclosed `[` is a plain character. */
export function globRegExp(component: string): RegExp {
	let source = '';
	for (let i = 0; i < component.length; i++) {
		const c = component[i]!;
		if (c === '\\' && i + 1 < component.length) source += escapeRegExp(component[++i]!);
		else if (c === '*') source += '[^/]*';
		else if (c === '?') source += '[^/]';
		else if (c === '[') {
			let j = i + 1;
			if (component[j] === '!' || component[j] === '^') j++;
			if (component[j] === ']') j++;
			while (j < component.length && component[j] !== ']') j++;
			if (j >= component.length) {
				source += '\\[';
				continue;
			}
			let body = component.slice(i + 1, j);
			const negated = body.startsWith('!') || body.startsWith('^');
			if (negated) body = body.slice(1);
			source += `[${negated ? '^' : ''}${body.replace(/\\/g, '\\\\').replace(/\]/g, '\\]')}]`;
			i = j;
		} else source += escapeRegExp(c);
	}
	try {
		return new RegExp(`^${source}$`, 's');
	} catch {
		// A range out of order ([z-a]) matches nothing in bash; the word then stays as typed.
		return /(?!)/;
	}
}

function escapeRegExp(c: string): string {
	return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const join = (dir: string, name: string) => (dir === '' ? name : dir.endsWith('/') ? dir + name : `${dir}/${name}`);

/**
 * The paths matching `pattern`, sorted, spelled as the pattern spells them (relative stays
 * relative); [] when nothing matches (the caller then keeps the word as typed, as bash does).
 */
export function expandGlob(pattern: string, listDirectory: (dir: string) => string[] | undefined): string[] {
	const absolute = pattern.startsWith('/');
	const components = pattern.split('/').filter(c => c !== '');
	const trailingSlash = pattern.length > 1 && pattern.endsWith('/');
	let paths = [absolute ? '/' : ''];
	let lastWasLiteral = false;
	for (const component of components) {
		if (!hasActiveGlob(component)) {
			paths = paths.map(p => join(p, unescape(component)));
			lastWasLiteral = true;
			continue;
		}
		lastWasLiteral = false;
		const regex = globRegExp(component);
		const hidden = component.startsWith('.') || component.startsWith('\\.');
		const next: string[] = [];
		for (const dir of paths) {
			for (const name of listDirectory(dir) ?? []) {
				if (name === '.' || name === '..' || (name.startsWith('.') && !hidden)) continue;
				if (regex.test(name)) next.push(join(dir, name));
			}
		}
		paths = next;
		if (paths.length === 0) return [];
	}
	if (lastWasLiteral) {
		paths = paths.filter(p => {
			const cut = p.lastIndexOf('/');
			const dir = cut < 0 ? '' : cut === 0 ? '/' : p.slice(0, cut);
			return (listDirectory(dir) ?? []).includes(p.slice(cut + 1));
		});
	}
	if (trailingSlash) paths = paths.filter(p => listDirectory(p) !== undefined).map(p => p + '/');
	return paths.sort();
}
