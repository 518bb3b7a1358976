// Random Dockerfiles (seeded): building never throws, and always ends in success or an error text.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {produce} from 'immer';
import {buildImage} from '../../../source/engine/docker/build.ts';
import {nextRandom} from '../../../source/engine/rng.ts';
import {createSandboxWorld} from '../../../source/engine/scenarios/sandbox.ts';
import {memoryDisk} from '../../../source/shell/memory-disk.ts';

const pieces = ['FROM busybox', 'FROM alpine:3.20', 'FROM nosuch', 'FROM scratch', 'from node:7 AS base', 'ADD app.js /app.js', 'COPY . /srv/', 'COPY missing.txt /', 'COPY --from=base /x /y', 'ADD https://example.com/a.tgz /tmp/', 'RUN echo hi > /tmp/x && mkdir -p /a/b', 'RUN ["echo", "exec form"]', 'RUN apk add curl', 'RUN nosuchprogram', 'RUN rm -rf /etc', 'ENV A=1 B="two words"', 'ENV LEGACY value here', 'ARG V=1', 'ARG', 'WORKDIR $HOME/app', 'WORKDIR relative', 'EXPOSE 8080', 'EXPOSE abc', 'EXPOSE 53/udp', 'CMD ["node", "app.js"]', 'CMD node app.js', 'CMD [broken', 'ENTRYPOINT ["sh"]', 'USER nobody', 'LABEL a=b c="d e"', 'VOLUME /data', 'HEALTHCHECK CMD true', 'SHELL ["/bin/bash", "-c"]', 'STOPSIGNAL SIGTERM', 'ONBUILD RUN true', 'MAINTAINER me', 'BOGUS thing', '# comment', '', 'RUN echo \\', '   continued', '\\', '"', "'"];

test('random Dockerfiles never make the builder throw', () => {
	let seed = 424242;
	const pick = (n: number) => {
		const [value, next] = nextRandom(seed);
		seed = next;
		return Math.floor(value * n);
	};
	let world = createSandboxWorld();
	const disk = memoryDisk({'app.js': 'require("http").createServer((q, r) => r.end("hi")).listen(80);\n', 'dir/a.txt': 'a\n'});
	let built = 0;
	for (let i = 0; i < 300; i++) {
		const lines = Array.from({length: 1 + pick(8)}, () => pieces[pick(pieces.length)]!);
		if (pick(3) > 0) lines.unshift(pieces[pick(5)]!);
		const dockerfile = lines.join('\n') + '\n';
		world = produce(world, w => {
			const result = buildImage(w, 'host-1', {dockerfile, context: disk, tags: pick(2) ? ['rand'] : []});
			assert.equal(typeof result.output, 'string');
			assert.ok(result.ok || (typeof result.error === 'string' && result.error.length > 0), dockerfile);
			if (result.ok) built++;
		});
	}
	assert.ok(built > 10, `some random Dockerfiles build (${built})`);
});
