/** What one entry of a staff home's grid says (issue 17, 2): its words, and the count on its badge ('' when none). */
export const workEntry = (container: Element, key: string) => {
  const entry = container.querySelector(`.link-${key}`);
  return entry && { label: entry.querySelector('.work-entry-label')?.textContent ?? '', badge: entry.querySelector('.nut-badge-sup')?.textContent ?? '' };
};
