import { describeRoutes } from './route-sweep';

jest.setTimeout(120_000);

describeRoutes("e2e: every resident's page, the landing and joining pages at 375×812 and 1280×800 (issue 17)", 'resident');
