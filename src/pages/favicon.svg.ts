import type { APIRoute } from 'astro';
import { logoFile } from '../lib/logo.ts';

/** The favicon, drawn from the same mark as the header's logo. */
export const GET: APIRoute = () => new Response(logoFile(), { headers: { 'content-type': 'image/svg+xml' } });
