// The simulated Docker Hub: real base images with realistic layers, sizes, history and dates.
// Images on a common base share its layers (node:7 and luksa/kubia share debian:jessie's and
// node:7's; nginx shares debian:bookworm-slim's), so a pull says "Already exists" for those.
// Longer than ~300 lines because it is data: the images' layers and histories, and the kubia apps' sources.
import {sha256Of} from '../hash.ts';
import type {World} from '../world.ts';
import {worldEpoch} from '../world.ts';
import {nginxProfile, nginxWelcomePage, nodeServerProfile, registryProfile} from './apps.ts';
import {alpineRootfs, busyboxRootfs, debianRootfs, put, putBinaries, putFiles, ubuntuRootfs, type Tree} from './base-rootfs.ts';
import type {HistoryEntry, Image, ImageConfig} from './types.ts';

export const kubiaAppJs = `const http = require('http');
const os = require('os');

console.log("Kubia server starting...");

var handler = function(request, response) {
  console.log("Received request from " + request.connection.remoteAddress);
  response.writeHead(200);
  response.end("You've hit " + os.hostname() + "\\n");
};

var www = http.createServer(handler);
www.listen(8080);
`;

type Step = {by: string; at: string; size?: number; files?: Tree; key?: string};

type ImageSpec = {
	repo: string; // "library/node"
	tags: string[];
	base?: Image;
	steps: Step[];
	config: Partial<ImageConfig>;
};

const mb = 1_000_000;

/** Virtual ms of a real date (negative: before the simulation began). */
function at(iso: string): number {
	return Date.parse(iso) - worldEpoch;
}

function files(build: (tree: Tree) => void): Tree {
	const tree: Tree = new Map();
	build(tree);
	return tree;
}

/** Adds an image (and its layers) to the registry. Call on a draft. */
function defineImage(w: World, spec: ImageSpec): Image {
	const layers = [...(spec.base?.layers ?? [])];
	const history: HistoryEntry[] = [...(spec.base?.history ?? [])];
	for (const step of spec.steps) {
		const created = at(step.at);
		if (step.size === undefined) {
			history.push({createdBy: step.by, created});
			continue;
		}
		const id = sha256Of(`hub-layer:${step.key ?? step.by}`);
		if (!w.layers.has(id)) w.layers.set(id, {id, sizeBytes: step.size, createdBy: step.by, files: step.files ?? new Map()});
		w.registry.layers.add(id);
		layers.push(id);
		history.push({createdBy: step.by, created, layerId: id});
	}
	const config: ImageConfig = {env: {}, workdir: '/', exposedPorts: [], labels: {}, arch: 'amd64', os: 'linux', ...spec.base?.config, appProfile: undefined, ...spec.config};
	config.env = {...spec.base?.config.env, ...spec.config.env};
	config.labels = {...spec.base?.config.labels, ...spec.config.labels};
	const id = sha256Of(`hub-image:${spec.repo}:${JSON.stringify(layers)}:${JSON.stringify({...config, appProfile: config.appProfile?.name})}`);
	const image: Image = {id, layers, config, created: history[history.length - 1]!.created, parent: spec.base?.id, history, dockerVersion: '17.06.2-ce'};
	w.registry.images.set(id, image);
	const repository = w.registry.repositories.get(spec.repo) ?? {name: spec.repo, tags: {}};
	for (const tag of spec.tags) repository.tags[tag] = id;
	w.registry.repositories.set(spec.repo, repository);
	return image;
}

const nop = (instruction: string) => `/bin/sh -c #(nop) ${instruction}`;
const meta = (instruction: string) => `/bin/sh -c #(nop)  ${instruction}`;

function seedDebianAndNode(w: World): void {
	const jessieRoot = debianRootfs({version: '8', codename: 'jessie', pretty: 'Debian GNU/Linux 8 (jessie)', https: false});
	const jessie = defineImage(w, {
		repo: 'library/debian',
		tags: ['jessie', '8'],
		steps: [
			{by: nop('ADD file:a023a99f7d01868b164d63f2f9ff6f9b6b23cd1a9bf5fec7fb9d7d8e3a0deb4e in / '), at: '2017-06-26T20:59:32Z', size: 123.4 * mb, files: jessieRoot},
			{by: meta('CMD ["bash"]'), at: '2017-06-26T20:59:33Z'},
		],
		config: {cmd: ['bash'], env: {PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'}},
	});
	const curl = defineImage(w, {
		repo: 'library/buildpack-deps',
		tags: ['jessie-curl'],
		base: jessie,
		steps: [{by: '/bin/sh -c apt-get update && apt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\twget \t&& rm -rf /var/lib/apt/lists/*', at: '2017-06-27T00:11:05Z', size: 44.6 * mb, files: files(t => {
			putBinaries(t, '/usr/bin', ['curl', 'wget', 'openssl']);
			putFiles(t, {'/etc/ssl/certs/ca-certificates.crt': '-----BEGIN CERTIFICATE-----\n(simulated CA bundle)\n-----END CERTIFICATE-----\n'});
		})}],
		config: {},
	});
	const scm = defineImage(w, {
		repo: 'library/buildpack-deps',
		tags: ['jessie-scm'],
		base: curl,
		steps: [{by: '/bin/sh -c apt-get update && apt-get install -y --no-install-recommends \t\tbzr \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t&& rm -rf /var/lib/apt/lists/*', at: '2017-06-27T00:11:50Z', size: 122.4 * mb, files: files(t => {
			putBinaries(t, '/usr/bin', ['git', 'ssh', 'svn', 'hg', 'bzr', 'top', 'free', 'pgrep', 'pkill', 'watch']);
			putBinaries(t, '/bin', ['ps']);
		})}],
		config: {},
	});
	const full = defineImage(w, {
		repo: 'library/buildpack-deps',
		tags: ['jessie'],
		base: scm,
		steps: [{by: '/bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev \t\tmake \t\tpatch \t\txz-utils \t\tzlib1g-dev \t; \trm -rf /var/lib/apt/lists/*', at: '2017-06-27T00:13:42Z', size: 323.9 * mb, files: files(t => {
			putBinaries(t, '/usr/bin', ['gcc', 'g++', 'make', 'patch', 'file', 'xz', 'python', 'python2.7', 'convert']);
		})}],
		config: {},
	});
	const jessiePasswd = (jessieRoot.get('/etc/passwd') as {content: string}).content;
	const nodeUser = {by: '/bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node', at: '2017-06-30T00:01:12Z', size: 335 * 1000, key: 'node-user-jessie', files: files(t => {
		putFiles(t, {'/home/node/.bashrc': '# ~/.bashrc\n', '/etc/passwd': jessiePasswd + 'node:x:1000:1000::/home/node:/bin/bash\n', '/etc/group': (jessieRoot.get('/etc/group') as {content: string}).content + 'node:x:1000:\n'});
	})};
	const node7 = defineImage(w, {
		repo: 'library/node',
		tags: ['7', '7.10', '7.10.1'],
		base: full,
		steps: [
			nodeUser,
			{by: '/bin/sh -c set -ex   && for key in     9554F04D7259F04124DE6B476D5A82AC7E37093B     94AE36675C464D64BAFA68DD7434390BDBE9B9C5     FD3A5288F042B6850C66B31F09FE44734EB7990E     71DCFD284A79C3B38668286BC97EC7A07EDE3FC1     DD8F2338BAE7501E3DD5AC78C273792F7D83545D     B9AE9905FFD7803F25714661B63B535A4C206CA9     C4F0DFFF4E8C1A8236409D08E73BC641CC11F4C8     56730D5401028683275BD23C23EFEFE93C4CFFFE   ; do     gpg --keyserver ha.pool.sks-keyservers.net --recv-keys "$key" ||     gpg --keyserver pgp.mit.edu --recv-keys "$key" ||     gpg --keyserver keyserver.pgp.com --recv-keys "$key" ;   done', at: '2017-06-30T00:01:15Z', size: 129 * 1000},
			{by: meta('ENV NPM_CONFIG_LOGLEVEL=info'), at: '2017-06-30T00:01:15Z'},
			{by: meta('ENV NODE_VERSION=7.10.1'), at: '2017-06-30T00:01:16Z'},
			{by: '/bin/sh -c curl -SLO "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-x64.tar.xz"   && curl -SLO "https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc"   && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc   && grep " node-v$NODE_VERSION-linux-x64.tar.xz\\$" SHASUMS256.txt | sha256sum -c -   && tar -xJf "node-v$NODE_VERSION-linux-x64.tar.xz" -C /usr/local --strip-components=1   && rm "node-v$NODE_VERSION-linux-x64.tar.xz" SHASUMS256.txt.asc SHASUMS256.txt   && ln -s /usr/local/bin/node /usr/local/bin/nodejs', at: '2017-06-30T00:01:31Z', size: 44.2 * mb, files: files(t => {
				putBinaries(t, '/usr/local/bin', ['node', 'nodejs', 'npm']);
				putFiles(t, {'/usr/local/lib/node_modules/npm/package.json': '{\n  "name": "npm",\n  "version": "4.2.0"\n}\n', '/usr/local/include/node/node_version.h': '#define NODE_MAJOR_VERSION 7\n'});
			})},
			{by: meta('ENV YARN_VERSION=0.24.6'), at: '2017-06-30T00:01:31Z'},
			{by: '/bin/sh -c set -ex   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --keyserver ha.pool.sks-keyservers.net --recv-keys "$key" ||     gpg --keyserver pgp.mit.edu --recv-keys "$key" ||     gpg --keyserver keyserver.pgp.com --recv-keys "$key" ;   done   && curl -fSL -o yarn.js "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-legacy-$YARN_VERSION.js"   && curl -fSL -o yarn.js.asc "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-legacy-$YARN_VERSION.js.asc"   && gpg --batch --verify yarn.js.asc yarn.js   && rm yarn.js.asc   && mv yarn.js /usr/local/bin/yarn   && chmod +x /usr/local/bin/yarn', at: '2017-06-30T00:01:38Z', size: 4.9 * mb, files: files(t => putBinaries(t, '/usr/local/bin', ['yarn']))},
			{by: meta('CMD ["node"]'), at: '2017-06-30T00:01:38Z'},
		],
		config: {cmd: ['node'], env: {NPM_CONFIG_LOGLEVEL: 'info', NODE_VERSION: '7.10.1', YARN_VERSION: '0.24.6'}},
	});
	defineImage(w, {
		repo: 'luksa/kubia',
		tags: ['latest', 'v1'],
		base: node7,
		steps: [
			{by: nop('ADD file:f6e5f3d9c7e1d5cd9a07e60b1bbf4b1c6e9b3b4a9d05a91c1ad4c9f4e1f02a95 in /app.js '), at: '2017-07-09T12:48:35Z', size: 367, key: 'kubia-app-js', files: files(t => put(t, '/app.js', {type: 'file', content: kubiaAppJs}))},
			{by: meta('ENTRYPOINT ["node" "app.js"]'), at: '2017-07-09T12:48:35Z'},
		],
		config: {entrypoint: ['node', 'app.js'], cmd: undefined},
	});
	defineImage(w, {
		repo: 'luksa/kubia',
		tags: ['v2'],
		base: node7,
		steps: [
			{by: nop('ADD file:0c5ab5ea1c0e7f2a0d5b6a86f2d3bbd7f7b8e4b1a1e0e0b3a4c7a07e4fd2b6d1 in /app.js '), at: '2017-11-26T09:12:04Z', size: 374, key: 'kubia-v2-app-js', files: files(t => put(t, '/app.js', {type: 'file', content: kubiaAppJs.replace(`"You've hit "`, `"This is v2 running in pod "`)}))},
			{by: meta('ENTRYPOINT ["node" "app.js"]'), at: '2017-11-26T09:12:04Z'},
		],
		config: {entrypoint: ['node', 'app.js'], cmd: undefined},
	});
	const kubia = nodeServerProfile(kubiaAppJs)!;
	defineImage(w, {
		repo: 'luksa/kubia-unhealthy',
		tags: ['latest'],
		base: node7,
		steps: [
			{by: nop('ADD file:3d1b35b3e7c6a9b5ed2f6b9e24c7cd5b6e33e9af1b6f8a5c9e6b6b0f7e4d3c2a1 in /app.js '), at: '2017-07-09T12:50:02Z', size: 447, key: 'kubia-unhealthy-app-js', files: files(t => put(t, '/app.js', {type: 'file', content: kubiaUnhealthyAppJs}))},
			{by: meta('ENTRYPOINT ["node" "app.js"]'), at: '2017-07-09T12:50:02Z'},
		],
		config: {entrypoint: ['node', 'app.js'], cmd: undefined, appProfile: {...kubia, name: 'kubia-unhealthy', failsAfterRequests: 5}},
	});
}

/** The book's liveness-probe demo (Kubernetes in Action, 4.1): kubia that answers 500 from its sixth request on. */
export const kubiaUnhealthyAppJs = `const http = require('http');
const os = require('os');

var requestCount = 0;

console.log("Kubia server starting...");

var handler = function(request, response) {
  console.log("Received request from " + request.connection.remoteAddress);
  requestCount++;
  if (requestCount > 5) {
    response.writeHead(500);
    response.end("I'm not well. Please restart me!");
    return;
  }
  response.writeHead(200);
  response.end("You've hit " + os.hostname() + "\\n");
};

var www = http.createServer(handler);
www.listen(8080);
`;

function seedBookworm(w: World): Image {
	const slim = defineImage(w, {
		repo: 'library/debian',
		tags: ['bookworm-slim', '12-slim'],
		steps: [
			{by: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1733097600'", at: '2024-12-02T00:00:00Z', size: 74.8 * mb, files: debianRootfs({version: '12', codename: 'bookworm', pretty: 'Debian GNU/Linux 12 (bookworm)', https: true})},
		],
		config: {cmd: ['bash'], env: {PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'}},
	});
	const bookworm = defineImage(w, {
		repo: 'library/debian',
		tags: ['bookworm', '12', 'latest'],
		steps: [
			{by: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1733097600' # full", at: '2024-12-02T00:00:00Z', size: 116.5 * mb, key: 'bookworm-full', files: debianRootfs({version: '12', codename: 'bookworm', pretty: 'Debian GNU/Linux 12 (bookworm)', https: true})},
		],
		config: {cmd: ['bash'], env: {PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'}},
	});
	// The mainline release and the stable one (the book's and the docs' manifests use both).
	for (const release of [{nginxVersion: '1.27.3', tags: ['1.27', '1.27.3', 'latest', 'mainline'], layerKey: undefined}, {nginxVersion: '1.26.2', tags: ['1.26', '1.26.2', 'stable', 'stable-bookworm'], layerKey: 'nginx-1.26.2-install'}]) {
		const {nginxVersion, layerKey} = release;
		defineImage(w, {
			repo: 'library/nginx',
			tags: release.tags,
			base: slim,
			steps: [
				{by: 'CMD ["bash"]', at: '2024-12-02T00:00:00Z'},
				{by: 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>', at: '2024-12-03T22:28:41Z'},
				{by: `ENV NGINX_VERSION=${nginxVersion}`, at: '2024-12-03T22:28:41Z'},
				{by: 'ENV NJS_VERSION=0.8.7', at: '2024-12-03T22:28:41Z'},
				{by: 'ENV NJS_RELEASE=1~bookworm', at: '2024-12-03T22:28:41Z'},
				{by: 'ENV PKG_RELEASE=1~bookworm', at: '2024-12-03T22:28:41Z'},
				{by: 'ENV DYNPKG_RELEASE=1~bookworm', at: '2024-12-03T22:28:41Z'},
				{by: 'RUN /bin/sh -c set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home --home /nonexistent --comment "nginx user" --shell /bin/false --uid 101 nginx     && apt-get update     && apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     && ... # buildkit', at: '2024-12-03T22:28:41Z', size: 112 * mb, key: layerKey, files: files(t => {
					putBinaries(t, '/usr/sbin', ['nginx']);
					putBinaries(t, '/usr/bin', ['envsubst', 'curl']);
					putFiles(t, {
						'/etc/nginx/nginx.conf': '\nuser  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n\n\nhttp {\n    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n\n    access_log  /var/log/nginx/access.log  main;\n\n    sendfile        on;\n    keepalive_timeout  65;\n\n    include /etc/nginx/conf.d/*.conf;\n}\n',
						'/etc/nginx/conf.d/default.conf': 'server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n    location / {\n        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n\n    error_page   500 502 503 504  /50x.html;\n    location = /50x.html {\n        root   /usr/share/nginx/html;\n    }\n}\n',
						'/etc/nginx/mime.types': 'types {\n    text/html  html htm shtml;\n    text/css   css;\n}\n',
						'/usr/share/nginx/html/index.html': nginxWelcomePage,
						'/usr/share/nginx/html/50x.html': '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n',
						'/var/log/nginx/access.log': '',
						'/var/log/nginx/error.log': '',
					});
					t.set('/var/cache/nginx', {type: 'dir'});
				})},
				{by: 'COPY docker-entrypoint.sh / # buildkit', at: '2024-12-03T22:28:41Z', size: 1620, files: files(t => putFiles(t, {'/docker-entrypoint.sh': '#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n\nentrypoint_log() {\n    if [ -z "${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then\n        echo "$@"\n    fi\n}\n\nexec "$@"\n'}))},
				{by: 'COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit', at: '2024-12-03T22:28:41Z', size: 2120, files: files(t => putFiles(t, {'/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh': '#!/bin/sh\n# vim:sw=4:ts=4:et\n'}))},
				{by: 'COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit', at: '2024-12-03T22:28:41Z', size: 389, files: files(t => putFiles(t, {'/docker-entrypoint.d/15-local-resolvers.envsh': '#!/bin/sh\n# vim:sw=2:ts=2:sts=2:et\n'}))},
				{by: 'COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit', at: '2024-12-03T22:28:41Z', size: 3020, files: files(t => putFiles(t, {'/docker-entrypoint.d/20-envsubst-on-templates.sh': '#!/bin/sh\n\nset -e\n'}))},
				{by: 'COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit', at: '2024-12-03T22:28:41Z', size: 4620, files: files(t => putFiles(t, {'/docker-entrypoint.d/30-tune-worker-processes.sh': '#!/bin/sh\n# vim:sw=2:ts=2:sts=2:et\n'}))},
				{by: 'ENTRYPOINT ["/docker-entrypoint.sh"]', at: '2024-12-03T22:28:41Z'},
				{by: 'EXPOSE map[80/tcp:{}]', at: '2024-12-03T22:28:41Z'},
				{by: 'STOPSIGNAL SIGQUIT', at: '2024-12-03T22:28:41Z'},
				{by: 'CMD ["nginx" "-g" "daemon off;"]', at: '2024-12-03T22:28:41Z'},
			],
			config: {entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], exposedPorts: ['80/tcp'], env: {NGINX_VERSION: nginxVersion, NJS_VERSION: '0.8.7', PKG_RELEASE: '1~bookworm'}, labels: {maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>'}, appProfile: nginxProfile},
		});
	}
	return bookworm;
}

function seedModernNode(w: World, bookworm: Image, alpine: Image): void {
	const curl = defineImage(w, {
		repo: 'library/buildpack-deps',
		tags: ['bookworm-curl'],
		base: bookworm,
		steps: [{by: 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/* # buildkit', at: '2024-12-02T01:12:03Z', size: 48.5 * mb, files: files(t => putBinaries(t, '/usr/bin', ['curl', 'wget', 'gpg']))}],
		config: {},
	});
	const scm = defineImage(w, {
		repo: 'library/buildpack-deps',
		tags: ['bookworm-scm'],
		base: curl,
		steps: [{by: "RUN /bin/sh -c apt-get update && apt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t&& rm -rf /var/lib/apt/lists/* # buildkit", at: '2024-12-02T01:13:10Z', size: 177 * mb, files: files(t => {
			putBinaries(t, '/usr/bin', ['git', 'ssh', 'svn', 'hg', 'ps', 'top', 'free', 'pgrep', 'pkill', 'watch']);
		})}],
		config: {},
	});
	const full = defineImage(w, {
		repo: 'library/buildpack-deps',
		tags: ['bookworm'],
		base: scm,
		steps: [{by: 'RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\t... \t; \trm -rf /var/lib/apt/lists/* # buildkit', at: '2024-12-02T01:16:44Z', size: 587 * mb, files: files(t => putBinaries(t, '/usr/bin', ['gcc', 'g++', 'make', 'patch', 'file', 'xz', 'python3', 'convert']))}],
		config: {},
	});
	for (const [major, version, date] of [['20', '20.18.1', '2024-12-03T18:21:10Z'], ['22', '22.12.0', '2024-12-03T18:20:02Z']] as const) {
		const tags = major === '22' ? ['22', '22.12', '22.12.0', 'lts', 'latest', 'bookworm'] : ['20', '20.18', '20.18.1'];
		defineImage(w, {
			repo: 'library/node',
			tags,
			base: full,
			steps: [
				{by: 'RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit', at: date, size: 8.9 * 1000, key: 'node-user-bookworm'},
				{by: `ENV NODE_VERSION=${version}`, at: date},
				{by: 'RUN /bin/sh -c ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "${dpkgArch##*-}" in     amd64) ARCH=\'x64\';;     ...   esac   && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz"   && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version # buildkit', at: date, size: (major === '22' ? 190 : 176) * mb, key: `node-${version}-install`, files: files(t => {
					putBinaries(t, '/usr/local/bin', ['node', 'nodejs', 'npm', 'npx', 'corepack']);
					putFiles(t, {'/usr/local/include/node/node_version.h': `#define NODE_MAJOR_VERSION ${major}\n`});
				})},
				{by: 'ENV YARN_VERSION=1.22.22', at: date},
				{by: 'RUN /bin/sh -c set -ex   && export GNUPGHOME="$(mktemp -d)"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" ;   done   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && yarn --version # buildkit', at: date, size: 5.34 * mb, key: `yarn-1.22.22-${major}`, files: files(t => putBinaries(t, '/usr/local/bin', ['yarn']))},
				{by: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', at: date, size: 388, key: 'node-entrypoint', files: files(t => putFiles(t, {'/usr/local/bin/docker-entrypoint.sh': '#!/bin/sh\nset -e\n\n# Run command with node if the first argument contains a "-" or is not a system command.\nexec "$@"\n'}))},
				{by: 'ENTRYPOINT ["docker-entrypoint.sh"]', at: date},
				{by: 'CMD ["node"]', at: date},
			],
			config: {entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], env: {NODE_VERSION: version, YARN_VERSION: '1.22.22'}},
		});
	}
	defineImage(w, {
		repo: 'library/node',
		tags: ['22-alpine', 'alpine', '22-alpine3.20'],
		base: alpine,
		steps: [
			{by: 'ENV NODE_VERSION=22.12.0', at: '2024-12-03T18:25:11Z'},
			{by: 'RUN /bin/sh -c addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache         libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ... # buildkit', at: '2024-12-03T18:25:11Z', size: 147 * mb, files: files(t => putBinaries(t, '/usr/local/bin', ['node', 'nodejs', 'npm', 'npx']))},
			{by: 'ENV YARN_VERSION=1.22.22', at: '2024-12-03T18:25:11Z'},
			{by: 'RUN /bin/sh -c apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && ... # buildkit', at: '2024-12-03T18:25:11Z', size: 5.34 * mb, key: 'yarn-alpine', files: files(t => putBinaries(t, '/usr/local/bin', ['yarn']))},
			{by: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', at: '2024-12-03T18:25:11Z', size: 388, key: 'node-entrypoint'},
			{by: 'ENTRYPOINT ["docker-entrypoint.sh"]', at: '2024-12-03T18:25:11Z'},
			{by: 'CMD ["node"]', at: '2024-12-03T18:25:11Z'},
		],
		config: {entrypoint: ['docker-entrypoint.sh'], cmd: ['node'], env: {NODE_VERSION: '22.12.0', YARN_VERSION: '1.22.22'}},
	});
}

function seedSmallImages(w: World): Image {
	defineImage(w, {
		repo: 'library/busybox',
		tags: ['latest', '1.37', '1.37.0', 'stable'],
		steps: [
			{by: nop('ADD file:7e9002edaafd4e4579b65c8f0aaabde1aeb7fd3f8d95579f7fd3443cef785fd1 in / '), at: '2024-09-26T21:31:42Z', size: 4.27 * mb, files: busyboxRootfs()},
			{by: meta('CMD ["sh"]'), at: '2024-09-26T21:31:42Z'},
		],
		config: {cmd: ['sh'], env: {PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'}},
	});
	// The one the Kubernetes docs' DNS debugging uses: its nslookup is the old applet (getaddrinfo, then reverse names).
	defineImage(w, {
		repo: 'library/busybox',
		tags: ['1.28', '1.28.4'],
		steps: [
			{by: nop('ADD file:fb4d0e5f0c9a6a5de3c1e4f0a6b8c2e1a49bd9a28a6a0e3b0fb6dfc5e0d92d1d in / '), at: '2018-05-22T17:00:17Z', size: 1.15 * mb, key: 'busybox-1.28.4', files: busyboxRootfs('1.28.4')},
			{by: meta('CMD ["sh"]'), at: '2018-05-22T17:00:17Z'},
		],
		config: {cmd: ['sh'], env: {PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'}},
	});
	const alpine = defineImage(w, {
		repo: 'library/alpine',
		tags: ['3.20', '3.20.3', 'latest', '3'],
		steps: [
			{by: 'ADD alpine-minirootfs-3.20.3-x86_64.tar.gz / # buildkit', at: '2024-09-06T22:20:07Z', size: 7.8 * mb, files: alpineRootfs({version: '3.20.3', minor: '3.20'})},
			{by: 'CMD ["/bin/sh"]', at: '2024-09-06T22:20:07Z'},
		],
		config: {cmd: ['/bin/sh'], env: {PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'}},
	});
	const alpine319 = defineImage(w, {
		repo: 'library/alpine',
		tags: ['3.19', '3.19.4'],
		steps: [
			{by: 'ADD alpine-minirootfs-3.19.4-x86_64.tar.gz / # buildkit', at: '2024-09-06T22:19:55Z', size: 7.38 * mb, files: alpineRootfs({version: '3.19.4', minor: '3.19'})},
			{by: 'CMD ["/bin/sh"]', at: '2024-09-06T22:19:55Z'},
		],
		config: {cmd: ['/bin/sh'], env: {PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'}},
	});
	// The registry learners run to push their images to (docker run -d -p 5000:5000 registry:2).
	defineImage(w, {
		repo: 'library/registry',
		tags: ['2', '2.8', '2.8.3', 'latest'],
		base: alpine319,
		steps: [
			{by: 'RUN /bin/sh -c set -ex     && apk add --no-cache ca-certificates # buildkit', at: '2024-09-06T23:40:11Z', size: 0.74 * mb, key: 'registry-ca-certificates'},
			{by: 'COPY ./registry/registry /bin/registry # buildkit', at: '2024-09-06T23:40:12Z', size: 16.4 * mb, files: files(t => putBinaries(t, '/bin', ['registry']))},
			{by: 'COPY ./registry/config-example.yml /etc/docker/registry/config.yml # buildkit', at: '2024-09-06T23:40:12Z', size: 295, files: files(t => putFiles(t, {'/etc/docker/registry/config.yml': 'version: 0.1\nlog:\n  fields:\n    service: registry\nstorage:\n  cache:\n    blobdescriptor: inmemory\n  filesystem:\n    rootdirectory: /var/lib/registry\nhttp:\n  addr: :5000\n  headers:\n    X-Content-Type-Options: [nosniff]\nhealth:\n  storagedriver:\n    enabled: true\n    interval: 10s\n    threshold: 3\n'}))},
			{by: 'VOLUME [/var/lib/registry]', at: '2024-09-06T23:40:12Z'},
			{by: 'EXPOSE map[5000/tcp:{}]', at: '2024-09-06T23:40:12Z'},
			{by: 'COPY docker-entrypoint.sh /entrypoint.sh # buildkit', at: '2024-09-06T23:40:12Z', size: 155, files: files(t => putFiles(t, {'/entrypoint.sh': '#!/bin/sh\n\nset -e\n\ncase "$1" in\n    *.yaml|*.yml) set -- registry serve "$@" ;;\n    serve|garbage-collect|help|-*) set -- registry "$@" ;;\nesac\n\nexec "$@"\n'}))},
			{by: 'ENTRYPOINT ["/entrypoint.sh"]', at: '2024-09-06T23:40:12Z'},
			{by: 'CMD ["/etc/docker/registry/config.yml"]', at: '2024-09-06T23:40:12Z'},
		],
		config: {entrypoint: ['/entrypoint.sh'], cmd: ['/etc/docker/registry/config.yml'], exposedPorts: ['5000/tcp'], volumes: ['/var/lib/registry'], appProfile: registryProfile},
	});
	// Built for another CPU: on an x86_64 host it fails with "exec format error" (chapter 5).
	defineImage(w, {
		repo: 'arm64v8/alpine',
		tags: ['latest', '3.20'],
		steps: [
			{by: 'ADD alpine-minirootfs-3.20.3-aarch64.tar.gz / # buildkit', at: '2024-09-06T22:49:21Z', size: 8.83 * mb, key: 'alpine-3.20.3-aarch64', files: alpineRootfs({version: '3.20.3', minor: '3.20'})},
			{by: 'CMD ["/bin/sh"]', at: '2024-09-06T22:49:21Z'},
		],
		config: {cmd: ['/bin/sh'], arch: 'arm64', env: {PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'}},
	});
	// The classic image for cgroup demos: docker run -m 64m polinux/stress stress --vm 1 --vm-bytes 200M
	defineImage(w, {
		repo: 'polinux/stress',
		tags: ['latest', '1.0.4'],
		base: alpine319,
		steps: [
			{by: 'MAINTAINER Przemyslaw Ozgo <linux@ozgo.info>', at: '2024-09-10T08:12:40Z'},
			{by: 'ENV STRESS_VERSION=1.0.4', at: '2024-09-10T08:12:40Z'},
			{by: 'RUN /bin/sh -c apk add --update bash g++ make curl &&   curl -o /tmp/stress-${STRESS_VERSION}.tgz https://fossies.org/linux/privat/stress-${STRESS_VERSION}.tar.gz &&   cd /tmp && tar xvf stress-${STRESS_VERSION}.tgz && rm /tmp/stress-${STRESS_VERSION}.tgz &&   cd /tmp/stress-${STRESS_VERSION} &&   ./configure && make && make install &&   apk del g++ make curl &&   rm -rf /tmp/* /var/tmp/* /var/cache/apk/* /var/cache/distfiles/* # buildkit', at: '2024-09-10T08:12:40Z', size: 2.36 * mb, files: files(t => {
				putBinaries(t, '/usr/local/bin', ['stress']);
				putBinaries(t, '/bin', ['bash']);
			})},
			{by: 'CMD ["/usr/local/bin/stress"]', at: '2024-09-10T08:12:40Z'},
		],
		config: {cmd: ['/usr/local/bin/stress'], env: {STRESS_VERSION: '1.0.4'}, labels: {maintainer: 'Przemyslaw Ozgo <linux@ozgo.info>'}},
	});
	for (const release of [
		{version: '24.04', full: '24.04.1', codename: 'noble', name: 'Noble Numbat', tags: ['24.04', 'noble', 'latest'], size: 78.1, date: '2024-10-11T03:51:48Z'},
		{version: '22.04', full: '22.04.5', codename: 'jammy', name: 'Jammy Jellyfish', tags: ['22.04', 'jammy'], size: 77.9, date: '2024-10-11T03:51:32Z'},
	]) {
		defineImage(w, {
			repo: 'library/ubuntu',
			tags: release.tags,
			steps: [
				{by: 'ARG RELEASE', at: release.date},
				{by: 'ARG LAUNCHPAD_BUILD_ARCH', at: release.date},
				{by: 'LABEL org.opencontainers.image.ref.name=ubuntu', at: release.date},
				{by: `LABEL org.opencontainers.image.version=${release.version}`, at: release.date},
				{by: `ADD file:${sha256Of(`ubuntu-${release.version}`).slice(7)} in / `, at: release.date, size: release.size * mb, files: ubuntuRootfs(release)},
				{by: 'CMD ["/bin/bash"]', at: release.date},
			],
			config: {cmd: ['/bin/bash'], env: {PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'}, labels: {'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': release.version}},
		});
	}
	return alpine;
}

/** Small images the lessons and the kubernetes docs use beside the book's: curl and redis. */
function seedToolImages(w: World, alpine: Image): void {
	defineImage(w, {
		repo: 'curlimages/curl',
		tags: ['latest', '8.11.1'],
		base: alpine,
		steps: [
			{by: 'ARG CURL_VERSION=8.11.1', at: '2024-12-11T09:02:51Z'},
			{by: 'RUN |1 CURL_VERSION=8.11.1 /bin/sh -c apk add --no-cache brotli brotli-dev libssh2 nghttp2-dev zstd libpsl ... # buildkit', at: '2024-12-11T09:02:51Z', size: 14.6 * mb, files: files(t => {
				putBinaries(t, '/usr/bin', ['curl']);
				putFiles(t, {'/entrypoint.sh': '#!/bin/sh\nset -e\n\nif [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ]; then\n  set -- curl "$@"\nfi\n\nexec "$@"\n'});
			})},
			{by: 'USER curl_user', at: '2024-12-11T09:02:51Z'},
			{by: 'ENTRYPOINT ["/entrypoint.sh"]', at: '2024-12-11T09:02:51Z'},
			{by: 'CMD ["curl"]', at: '2024-12-11T09:02:51Z'},
		],
		config: {entrypoint: ['/entrypoint.sh'], cmd: ['curl'], labels: {'org.opencontainers.image.title': 'curl'}},
	});
	const slimId = w.registry.repositories.get('library/debian')?.tags['bookworm-slim'];
	const slim = slimId ? w.registry.images.get(slimId) : undefined;
	defineImage(w, {
		repo: 'library/redis',
		tags: ['latest', '7', '7.4', '7.4.1', 'bookworm'],
		base: slim,
		steps: [
			{by: 'RUN /bin/sh -c set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis # buildkit', at: '2024-12-02T02:15:00Z', size: 4.1 * 1000, key: 'redis-user'},
			{by: 'ENV REDIS_VERSION=7.4.1', at: '2024-12-02T02:15:00Z'},
			{by: 'RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; ... make -C /usr/src/redis -j "$(nproc)" all; ... # buildkit', at: '2024-12-02T02:16:30Z', size: 42.3 * mb, files: files(t => putBinaries(t, '/usr/local/bin', ['redis-server', 'redis-cli', 'redis-benchmark']))},
			{by: 'RUN /bin/sh -c mkdir /data && chown redis:redis /data # buildkit', at: '2024-12-02T02:16:30Z', size: 96, key: 'redis-data'},
			{by: 'WORKDIR /data', at: '2024-12-02T02:16:30Z'},
			{by: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', at: '2024-12-02T02:16:30Z', size: 661, key: 'redis-entrypoint', files: files(t => putFiles(t, {'/usr/local/bin/docker-entrypoint.sh': '#!/bin/sh\nset -e\n\nexec "$@"\n'}))},
			{by: 'ENTRYPOINT ["docker-entrypoint.sh"]', at: '2024-12-02T02:16:30Z'},
			{by: 'EXPOSE map[6379/tcp:{}]', at: '2024-12-02T02:16:30Z'},
			{by: 'CMD ["redis-server"]', at: '2024-12-02T02:16:30Z'},
		],
		config: {entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], workdir: '/data', exposedPorts: ['6379/tcp'], env: {REDIS_VERSION: '7.4.1'}},
	});
}

/** Fills the world's registry with the Docker Hub catalog. Call on a draft. */
export function seedDockerHub(w: World): void {
	const alpine = seedSmallImages(w);
	seedDebianAndNode(w);
	const bookworm = seedBookworm(w);
	seedModernNode(w, bookworm, alpine);
	seedToolImages(w, alpine);
}
