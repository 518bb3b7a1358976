// The Linux command family: the tools of chapters 1-3 (processes, namespaces, cgroups, network,
// VMs). The /proc and /sys/fs/cgroup trees they read are listed in shell/paths.ts.
import type {CommandSpec} from '../../types.ts';
import {curl} from './curl.ts';
import {cat, ls, mkdir, readlink, rm, rmdir, tee, touch} from './files.ts';
import {hostname, id, su, sudo, uname, whoami} from './identity.ts';
import {ip} from './ip.ts';
import {kill, killall, pkill} from './kill.ts';
import {lsns} from './lsns.ts';
import {multipass} from './multipass.ts';
import {nc} from './nc.ts';
import {cp, mv} from './mv.ts';
import {nsenter} from './nsenter.ts';
import {nslookup} from './nslookup.ts';
import {ping} from './ping.ts';
import {wget} from './wget.ts';
import {ps} from './ps.ts';
import {ssh} from './ssh.ts';
import {time} from './time.ts';
import {top} from './top.ts';
import {dmesg, free, power, poweroff, shutdown, systemctl} from './system.ts';
import {unshare} from './unshare.ts';
import {bombDefinition, closingBrace, colon, forkbombCommand, leakyApp, python3, stress} from './workloads.ts';

export const linuxCommands: CommandSpec[] = [
	ps, lsns, unshare, nsenter, hostname, uname, id, whoami, su, sudo, ip, kill, pkill, killall,
	ls, cat, mkdir, rmdir, rm, touch, readlink, tee, curl, wget, nc, nslookup, ping, ssh, mv, cp,
	systemctl, poweroff, shutdown, power, dmesg, free, top, time,
	stress, forkbombCommand, bombDefinition, closingBrace, colon, leakyApp, python3, multipass,
];
