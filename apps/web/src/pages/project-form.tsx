// What the Saisie forms on a project share: the project as opened, and the link to it once a command changed it.
import type { ProjectDetail } from '../../../../libs/read-models/src/views/documents';
import type { OpenedProject } from './opened-project';

export interface ProjectFormProps {
  readonly opened: OpenedProject;
  /** Reads the project again; `since` (the revision the form had) lists what changed after it. */
  readonly reload: (since?: string) => void;
}

export function ProjectLink({ project }: { project: Pick<ProjectDetail, 'projectId' | 'title'> }) {
  return <a href={`/projets/${encodeURIComponent(project.projectId)}`}>Voir le projet {project.title}</a>;
}
