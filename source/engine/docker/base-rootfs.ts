// Root filesystems of the base images: enough of each distribution that `ls /etc`,
// `cat /etc/os-release`, `which bash` and `docker diff` read like the real thing (not every file).
import type {FileNode} from '../host/types.ts';

export type Tree = Map<string, FileNode>;

const topDirs = ['bin', 'boot', 'dev', 'etc', 'home', 'lib', 'lib64', 'media', 'mnt', 'opt', 'proc', 'root', 'run', 'sbin', 'srv', 'sys', 'tmp', 'usr', 'var'];

export function binary(name: string): FileNode {
	return {type: 'file', content: `\u007fELF (simulated x86-64 executable: ${name})\n`, mode: 0o755};
}

/** Adds a file and every missing parent directory. */
export function put(tree: Tree, path: string, node: FileNode): void {
	const parts = path.split('/').filter(Boolean);
	for (let i = 1; i < parts.length; i++) {
		const dir = '/' + parts.slice(0, i).join('/');
		if (!tree.has(dir)) tree.set(dir, {type: 'dir'});
	}
	tree.set(path, node);
}

export function putFiles(tree: Tree, files: Record<string, string>): void {
	for (const [path, content] of Object.entries(files)) put(tree, path, {type: 'file', content});
}

export function putBinaries(tree: Tree, dir: string, names: string[]): void {
	for (const name of names) put(tree, `${dir}/${name}`, binary(name));
}

function skeleton(): Tree {
	const tree: Tree = new Map();
	for (const dir of topDirs) tree.set(`/${dir}`, {type: 'dir'});
	for (const dir of ['/usr/bin', '/usr/sbin', '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/share', '/var/lib', '/var/log', '/var/cache', '/var/tmp', '/etc/default', '/etc/init.d']) {
		tree.set(dir, {type: 'dir'});
	}
	return tree;
}

const passwdDebian = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

const groupDebian = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
www-data:x:33:
users:x:100:
nogroup:x:65534:
`;

const coreutils = ['cat', 'chmod', 'chown', 'cp', 'date', 'dd', 'df', 'echo', 'false', 'ln', 'ls', 'mkdir', 'mknod', 'mktemp', 'mv', 'pwd', 'readlink', 'rm', 'rmdir', 'sleep', 'stty', 'sync', 'touch', 'true', 'uname'];
const usrCoreutils = ['basename', 'cut', 'dirname', 'du', 'env', 'expr', 'find', 'head', 'id', 'nohup', 'printf', 'sort', 'stat', 'tail', 'tee', 'test', 'tr', 'uniq', 'wc', 'whoami', 'xargs', 'yes'];

/** Debian's base (debian:jessie, debian:bookworm-slim): bash, coreutils, dpkg/apt. */
export function debianRootfs(release: {version: string; codename: string; pretty: string; https: boolean}): Tree {
	const tree = skeleton();
	const scheme = release.https ? 'https' : 'http';
	putFiles(tree, {
		'/etc/os-release': `PRETTY_NAME="${release.pretty}"\nNAME="Debian GNU/Linux"\nVERSION_ID="${release.version}"\nVERSION="${release.version} (${release.codename})"\n${release.https ? `VERSION_CODENAME=${release.codename}\n` : ''}ID=debian\nHOME_URL="${scheme}://www.debian.org/"\nSUPPORT_URL="${scheme}://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`,
		'/etc/debian_version': release.codename === 'jessie' ? '8.9\n' : '12.8\n',
		'/etc/passwd': passwdDebian,
		'/etc/group': groupDebian,
		'/etc/shadow': 'root:*:17400:0:99999:7:::\ndaemon:*:17400:0:99999:7:::\n',
		'/etc/hostname': 'localhost\n',
		'/etc/issue': `Debian GNU/Linux ${release.version} \\n \\l\n\n`,
		'/etc/bash.bashrc': '# System-wide .bashrc file for interactive bash(1) shells.\n',
		'/etc/profile': '# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))\n',
		'/etc/nsswitch.conf': 'passwd:         files\ngroup:          files\nhosts:          files dns\n',
		'/etc/apt/sources.list': `deb http://deb.debian.org/debian ${release.codename} main\n`,
		'/etc/timezone': 'Etc/UTC\n',
		'/etc/localtime': 'TZif2 (simulated)\n',
		'/etc/ld.so.conf': 'include /etc/ld.so.conf.d/*.conf\n',
		'/etc/shells': '/bin/sh\n/bin/bash\n/usr/bin/bash\n',
		'/root/.bashrc': '# ~/.bashrc: executed by bash(1) for non-login shells.\n',
		'/root/.profile': '# ~/.profile: executed by Bourne-compatible login shells.\n',
		'/var/lib/dpkg/status': 'Package: base-files\nStatus: install ok installed\n',
		'/var/log/dpkg.log': '',
		'/lib/x86_64-linux-gnu/libc.so.6': '\u007fELF (simulated shared library)\n',
		'/lib64/ld-linux-x86-64.so.2': '\u007fELF (simulated dynamic loader)\n',
	});
	putBinaries(tree, '/bin', ['bash', 'sh', 'dash', 'grep', 'sed', 'gzip', 'tar', 'hostname', 'kill', 'mount', 'umount', 'su', 'more', ...coreutils]);
	putBinaries(tree, '/usr/bin', ['apt', 'apt-get', 'dpkg', 'perl', 'diff', 'awk', 'which', 'tput', 'clear', 'getent', ...usrCoreutils]);
	putBinaries(tree, '/sbin', ['ldconfig', 'ip', 'init', 'shutdown']);
	putBinaries(tree, '/usr/sbin', ['useradd', 'groupadd', 'chroot', 'nologin']);
	return tree;
}

/** Ubuntu's base (ubuntu:24.04 / 22.04). */
export function ubuntuRootfs(release: {version: string; full: string; codename: string; name: string}): Tree {
	const tree = debianRootfs({version: release.version, codename: release.codename, pretty: `Ubuntu ${release.full} LTS`, https: true});
	putFiles(tree, {
		'/etc/os-release': `PRETTY_NAME="Ubuntu ${release.full} LTS"\nNAME="Ubuntu"\nVERSION_ID="${release.version}"\nVERSION="${release.full} LTS (${release.name})"\nVERSION_CODENAME=${release.codename}\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=${release.codename}\nLOGO=ubuntu-logo\n`,
		'/etc/lsb-release': `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${release.version}\nDISTRIB_CODENAME=${release.codename}\nDISTRIB_DESCRIPTION="Ubuntu ${release.full} LTS"\n`,
		'/etc/issue': `Ubuntu ${release.full} LTS \\n \\l\n\n`,
		'/etc/apt/sources.list': '# Ubuntu sources have moved to /etc/apt/sources.list.d/ubuntu.sources\n',
	});
	tree.delete('/etc/debian_version');
	putFiles(tree, {'/etc/debian_version': release.codename === 'noble' ? 'trixie/sid\n' : 'bookworm/sid\n'});
	putBinaries(tree, '/usr/bin', ['ps', 'top', 'free']);
	if (release.codename === 'noble') {
		putFiles(tree, {'/etc/passwd': passwdDebian + 'ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash\n'});
		tree.set('/home/ubuntu', {type: 'dir'});
	}
	return tree;
}

const busyboxApplets = ['[', 'ash', 'awk', 'basename', 'cat', 'chmod', 'chown', 'cp', 'cut', 'date', 'dd', 'df', 'dirname', 'du', 'echo', 'env', 'expr', 'false', 'find', 'free', 'grep', 'gzip', 'head', 'hostname', 'id', 'ifconfig', 'ip', 'kill', 'ln', 'ls', 'mkdir', 'mount', 'mv', 'nc', 'nslookup', 'ping', 'printenv', 'printf', 'ps', 'pwd', 'rm', 'rmdir', 'sed', 'sh', 'sleep', 'sort', 'stat', 'tail', 'tar', 'tee', 'top', 'touch', 'tr', 'true', 'uname', 'uniq', 'uptime', 'vi', 'wc', 'wget', 'whoami', 'xargs', 'yes'];

/** busybox: one binary linked under 400 names; no package manager, no os-release. */
export function busyboxRootfs(version = '1.37.0'): Tree {
	const tree: Tree = new Map();
	for (const dir of ['bin', 'dev', 'etc', 'home', 'lib', 'lib64', 'proc', 'root', 'sys', 'tmp', 'usr', 'var', 'usr/sbin', 'var/spool', 'var/www']) tree.set(`/${dir}`, {type: 'dir'});
	putFiles(tree, {
		'/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n',
		'/etc/group': 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nwheel:x:10:root\nwww-data:x:33:\nusers:x:100:\nnogroup:x:65534:\n',
		'/etc/shadow': 'root:*::0:::::\n',
		'/etc/localtime': 'TZif2 (simulated)\n',
		'/etc/network/if-up.d/.keep': '',
		'/etc/nsswitch.conf': 'hosts: files dns\n',
	});
	tree.delete('/etc/network/if-up.d/.keep');
	putBinaries(tree, '/bin', busyboxApplets);
	// The binary names its version, as `busybox` prints it (the applets that changed read it: nslookup).
	put(tree, '/bin/busybox', {type: 'file', content: `\u007fELF (simulated x86-64 executable: busybox) BusyBox v${version}\n`, mode: 0o755});
	return tree;
}

/** Alpine's base: musl, busybox, apk. */
export function alpineRootfs(release: {version: string; minor: string}): Tree {
	const tree = skeleton();
	tree.delete('/lib64');
	putFiles(tree, {
		'/etc/os-release': `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${release.version}\nPRETTY_NAME="Alpine Linux v${release.minor}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`,
		'/etc/alpine-release': `${release.version}\n`,
		'/etc/passwd': 'root:x:0:0:root:/root:/bin/sh\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n',
		'/etc/group': 'root:x:0:root\nbin:x:1:root,bin,daemon\ndaemon:x:2:root,bin,daemon\nnobody:x:65534:\n',
		'/etc/shadow': 'root:*::0:::::\n',
		'/etc/hostname': 'localhost\n',
		'/etc/issue': 'Welcome to Alpine Linux ' + release.minor + '\nKernel \\r on an \\m (\\l)\n\n',
		'/etc/apk/repositories': `https://dl-cdn.alpinelinux.org/alpine/v${release.minor}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v${release.minor}/community\n`,
		'/etc/apk/world': 'alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nlibc-utils\n',
		'/etc/profile': 'export PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\n',
		'/etc/shells': '/bin/sh\n/bin/ash\n',
		'/lib/ld-musl-x86_64.so.1': '\u007fELF (simulated musl loader)\n',
		'/lib/apk/db/installed': 'P:busybox\nV:1.36.1-r29\n',
	});
	putBinaries(tree, '/bin', busyboxApplets.filter(n => !['awk', 'find', 'nc', 'nslookup', 'printenv', 'wget', 'free', 'top', 'uptime', 'yes', 'xargs', 'whoami', 'uniq', 'tr', 'tee', 'sort', 'head', 'tail', 'wc', 'env', 'expr', 'id', 'cut', 'basename', 'dirname', 'du', '['].includes(n)).concat(['busybox']));
	putBinaries(tree, '/usr/bin', ['awk', 'find', 'nc', 'nslookup', 'printenv', 'wget', 'free', 'top', 'uptime', 'yes', 'xargs', 'whoami', 'uniq', 'tr', 'tee', 'sort', 'head', 'tail', 'wc', 'env', 'expr', 'id', 'cut', 'basename', 'dirname', 'du', '[', 'ssl_client']);
	putBinaries(tree, '/sbin', ['apk', 'ldconfig', 'init']);
	return tree;
}
