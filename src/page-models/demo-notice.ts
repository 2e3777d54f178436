import type { ImageRepository, SnapshotMetadata } from '../images/model.ts';

/** What a page built from demo data tells its reader: what the data is, why it is there, and how to build from real data. */
export interface DemoNotice {
	/** What the data on this page is. */
	what: string;
	/** Why the site ships demo data. */
	why: string;
	/** The command that syncs real data into the snapshot. */
	sync: string;
	/** The command that builds the site straight from a registry. */
	live: string;
}

/**
 * The demo notice of a page built from `source`, about the whole catalog or about one `image`; null for real data.
 * Every page that shows image data carries it, so no reader takes a demo digest or signature for a real one.
 */
export function demoNotice(
	source: Pick<SnapshotMetadata, 'demo' | 'registry' | 'namespace' | 'standsFor'>,
	image?: Pick<ImageRepository, 'name' | 'reference'>,
): DemoNotice | null {
	if (!source.demo) return null;
	const publicNamespace = source.standsFor?.namespace ?? null;
	const registry = `${source.registry}/${source.namespace}`;
	const authority = 'signed by a demo Sigstore authority whose private keys are public, so its signatures prove nothing';
	let what: string;
	if (!image) {
		what = `Every image on these pages is a demo image that Supply Chain Academy builds itself${publicNamespace ? `, shaped after the public images of ${publicNamespace} (their users, shells, entrypoints, packages and tags)` : ''}, and ${authority}. ${registry} is not a real registry: the digests, sizes and dates exist nowhere else.`;
	} else if (publicNamespace && source.standsFor?.repositories.includes(image.name)) {
		what = `This page shows a demo image that Supply Chain Academy builds itself, shaped after ${publicNamespace}/${image.name}, and ${authority}. ${image.reference} is not a real image: its digests exist nowhere else, so the commands below address the public image by tag.`;
	} else {
		what = `This page shows a demo-only image that Supply Chain Academy builds itself; no public ${publicNamespace ? `${publicNamespace}/${image.name}` : 'image of this name'} exists. It is ${authority}, and ${image.reference} is not a real image.`;
	}
	return {
		what,
		why: 'Demo data lets the site build and its tests run without network access or registry credentials.',
		sync: `npm run images:sync -- --registry ${publicNamespace ?? 'cgr.dev/chainguard'}`,
		live: `IMAGES_REGISTRY=${publicNamespace ?? 'cgr.dev/chainguard'} npm run build`,
	};
}
