// The web workspace's entry point: renders the workspace into the page the service serves at `/`.
import { render } from 'preact';
import { Workspace } from './workspace';

const root = document.getElementById('workspace');
if (root !== null) render(<Workspace />, root);
