import { useEffect, useState } from 'react';
import { platform } from '../../api/platform';

/** Displayable URLs for stored photo ids (temporary links in WeChat, the local store in H5). */
export const usePhotoUrls = (fileIDs: readonly string[]): string[] => {
  const key = fileIDs.join('\n');
  const [urls, setUrls] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void platform.photoUrls(key ? key.split('\n') : []).then((found) => {
      if (live) setUrls(found);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return urls;
};
