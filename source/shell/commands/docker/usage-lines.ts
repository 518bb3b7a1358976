// The `Usage:` line docker CLI 28 prints under a usage error, per subcommand (cobra's UseLine,
// copied from `docker SUB --help`), and the two shapes of its errors (cli/cobra.go, cli/required.go).
const useLines: Record<string, string> = {
	ps: 'docker ps [OPTIONS]',
	start: 'docker start [OPTIONS] CONTAINER [CONTAINER...]',
	stop: 'docker stop [OPTIONS] CONTAINER [CONTAINER...]',
	restart: 'docker restart [OPTIONS] CONTAINER [CONTAINER...]',
	kill: 'docker kill [OPTIONS] CONTAINER [CONTAINER...]',
	rm: 'docker rm [OPTIONS] CONTAINER [CONTAINER...]',
	logs: 'docker logs [OPTIONS] CONTAINER',
	diff: 'docker diff CONTAINER',
	images: 'docker images [OPTIONS] [REPOSITORY[:TAG]]',
	history: 'docker history [OPTIONS] IMAGE',
	tag: 'docker tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
	rmi: 'docker rmi [OPTIONS] IMAGE [IMAGE...]',
	inspect: 'docker inspect [OPTIONS] NAME|ID [NAME|ID...]',
	stats: 'docker stats [OPTIONS] [CONTAINER...]',
	commit: 'docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
	'image prune': 'docker image prune [OPTIONS]',
	'container prune': 'docker container prune [OPTIONS]',
	'volume prune': 'docker volume prune [OPTIONS]',
	'system prune': 'docker system prune [OPTIONS]',
	search: 'docker search [OPTIONS] TERM',
	pull: 'docker pull [OPTIONS] NAME[:TAG|@DIGEST]',
	push: 'docker push [OPTIONS] NAME[:TAG]',
	login: 'docker login [OPTIONS] [SERVER]',
	run: 'docker run [OPTIONS] IMAGE [COMMAND] [ARG...]',
	create: 'docker create [OPTIONS] IMAGE [COMMAND] [ARG...]',
	exec: 'docker exec [OPTIONS] CONTAINER COMMAND [ARG...]',
	build: 'docker build [OPTIONS] PATH | URL | -',
	system: 'docker system',
	'system df': 'docker system df [OPTIONS]',
	'volume create': 'docker volume create [OPTIONS] [VOLUME]',
	'volume ls': 'docker volume ls [OPTIONS]',
	'volume inspect': 'docker volume inspect [OPTIONS] VOLUME [VOLUME...]',
	'volume rm': 'docker volume rm [OPTIONS] VOLUME [VOLUME...]',
	'network create': 'docker network create [OPTIONS] NETWORK',
	'network ls': 'docker network ls [OPTIONS]',
	'network inspect': 'docker network inspect [OPTIONS] NETWORK [NETWORK...]',
	'network connect': 'docker network connect [OPTIONS] NETWORK CONTAINER',
	'network disconnect': 'docker network disconnect [OPTIONS] NETWORK CONTAINER',
	'network rm': 'docker network rm NETWORK [NETWORK...]',
	'network prune': 'docker network prune [OPTIONS]',
	top: 'docker top CONTAINER [ps OPTIONS]',
	port: 'docker port CONTAINER [PRIVATE_PORT[/PROTO]]',
	cp: 'docker cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-',
	rename: 'docker rename CONTAINER NEW_NAME',
	pause: 'docker pause CONTAINER [CONTAINER...]',
	unpause: 'docker unpause CONTAINER [CONTAINER...]',
	'': 'docker [OPTIONS] COMMAND [ARG...]',
};

export function useLine(subcommand: string): string {
	return useLines[subcommand] ?? `docker ${subcommand} [OPTIONS]`;
}

/** A flag error (FlagErrorFunc): the message, the usage line, and where to read more. Exit 125. */
export function flagErrorText(message: string, subcommand: string): string {
	return `${message}\n\nUsage:  ${useLine(subcommand)}\n\nRun '${subcommand ? `docker ${subcommand}` : 'docker'} --help' for more information`;
}

/** A wrong number of arguments (cli/required.go). "at least" says See, the others Run. Exit 1. */
export function argumentCountText(subcommand: string, requirement: string): string {
	const verb = /^at least \d+ argument/.test(requirement) && !requirement.includes('at most') ? 'See' : 'Run';
	return `docker: 'docker ${subcommand}' requires ${requirement}\n\nUsage:  ${useLine(subcommand)}\n\n${verb} 'docker ${subcommand} --help' for more information`;
}
