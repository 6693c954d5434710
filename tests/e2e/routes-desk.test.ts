import { describeRoutes } from './route-sweep';

jest.setTimeout(120_000);

describeRoutes("e2e: every desk page at 375×812 and 1280×800 (issue 17)", 'desk');
