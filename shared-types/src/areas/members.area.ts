import { defineArea } from './area';

export const membersArea = defineArea({
  name: 'members',
  contracts: ['members', 'company'],
  notices: { 'binding.joined': ['resident'] },
  timerSteps: {},
  pages: [],
  parts: {
    'members-residents': ['requestBinding', 'bindingRequests', 'revealBindingPhone', 'reviewBinding', 'myBindings', 'publicInfo', 'inviteToRoom', 'joinRoom', 'myRoomInvitations', 'cancelRoomInvitation'],
    'members-privacy': ['myData', 'requestErasure', 'erasureRequests', 'erase'],
    'members-admin': ['company', 'properties', 'createProperty', 'appointManager', 'deactivateProperty', 'settings', 'updateSettings'],
  },
});
