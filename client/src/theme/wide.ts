/**
 * Where a window counts as wide (PC WeChat's large-screen mode, a tablet): the desk's list then stands
 * beside the selected ticket's detail, and a phone number is shown to copy instead of dialled. The
 * stylesheets' `@media (min-width: 768px)` blocks use the same width.
 */
export const WIDE_MIN_PX = 768;
