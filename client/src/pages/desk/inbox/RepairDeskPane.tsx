/** The chosen repair beside the queue on a wide window; `RepairDeskPane.h5.tsx` is the H5 build's. */
export { default } from '../repair/RepairDesk';
