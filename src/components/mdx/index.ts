// The components guides can use, importable in one line: `import { Callout, Tabs } from '@/components';`
export { default as Badge } from './Badge.astro';
export { default as Callout } from './Callout.astro';
export { default as Card } from './Card.astro';
export { default as CardGrid } from './CardGrid.astro';
export { default as Details } from './Details.astro';
export { default as LinkCard } from './LinkCard.astro';
export { default as Steps } from './Steps.astro';
export { default as TabItem } from './TabItem.astro';
export { default as Tabs } from './Tabs.astro';
