import './row-card.css';

/** The classes of a list's card that is a dense row on a PC window: red-striped when urgent, outlined when shown beside the list. */
export const rowCard = ({ urgent, chosen }: { urgent: boolean; chosen: boolean }) => `card row-card${urgent ? ' row-card-urgent' : ''}${chosen ? ' row-card-chosen' : ''}`;
