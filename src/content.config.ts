import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { z } from 'astro/zod';
import { createDocsSchema } from './content/docs-schema.ts';
import { entryId } from './lib/routes.ts';
import { imageLoaders } from './content/images-loader.ts';
import { WANTED_FILE, createWantedGuideSchema } from './content/wanted.ts';
import { strictGlob } from './content/strict-glob.ts';
import { createLearningPathCollectionSchema, learningPathsLoader } from './content/learning-paths.ts';
import { DEFAULT_SNAPSHOT_DIR } from './images/snapshot.ts';

/** Guides: every Markdown and MDX file under content/docs; the id is its path without extension. */
const docs = defineCollection({
	loader: strictGlob({
		pattern: '**/*.{md,mdx}',
		base: './content/docs',
		// Keep the folder path as written so that the URL follows the file tree one to one.
		generateId: ({ entry }) => entryId(entry),
	}),
	schema: createDocsSchema(),
});

/** The images loader decides where image data comes from; the imageSource loader reports its decision. */
const imageData = imageLoaders();

/** Image data generated from registry metadata: the committed snapshot, or a live registry (IMAGES_REGISTRY). */
const images = defineCollection({ loader: imageData.images });

/** One entry, `current`: the registry, mode and sync time of the image data in this build. */
const imageSource = defineCollection({ loader: imageData.imageSource });

/** Hand-written overviews merged into image pages: `content/images/<name>.mdx`, never generated. */
const imageOverviews = defineCollection({
	loader: strictGlob({ pattern: '**/*.{md,mdx}', base: DEFAULT_SNAPSHOT_DIR, generateId: ({ entry }) => entryId(entry) }),
	schema: z
		.object({
			/** One or two sentences shown in the catalog and at the top of the image page. */
			description: z.string().min(20, 'The description must be at least 20 characters: say what the image is for.').max(200),
			/** Catalog category, e.g. "Language runtime", "Base", "Database", "Web server", "Tooling". */
			category: z.string().min(1),
		})
		.strict(),
});

/** Guides the Academy wants written, listed on /contribute/ and scaffolded by `npm run new -- --wanted <id>`. */
const wanted = defineCollection({ loader: file(WANTED_FILE), schema: createWantedGuideSchema() });

/** Learning paths: ordered routes through the guides, the one source for /paths/, "Part N of M" and the section pages. */
const learningPaths = defineCollection({ loader: learningPathsLoader(), schema: createLearningPathCollectionSchema() });

export const collections = { docs, images, imageSource, imageOverviews, wanted, learningPaths };
