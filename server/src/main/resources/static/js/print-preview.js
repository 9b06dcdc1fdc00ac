// The 3D preview of a held print file (three.js, served locally from /vendor/three): a mesh as binary STL, lit,
// or G-code as its deposited toolpath (line segments coloured by height); centred and turned with the mouse or a finger. No inline script (the Content-Security-Policy allows none).
import * as THREE from '../vendor/three/three.module.js';
import { STLLoader } from '../vendor/three/STLLoader.js';
import { OrbitControls } from '../vendor/three/OrbitControls.js';

const box = document.getElementById('preview');
const status = document.getElementById('preview-status');
if (box) {
  const width = () => Math.max(200, box.clientWidth);
  const height = () => Math.round(Math.min(480, width() * 0.75));
  const renderer = new THREE.WebGLRenderer({ antialias: true });
  renderer.setPixelRatio(window.devicePixelRatio || 1);
  renderer.setSize(width(), height());
  box.appendChild(renderer.domElement);
  const scene = new THREE.Scene();
  scene.background = new THREE.Color(0xf4f5f7);
  const camera = new THREE.PerspectiveCamera(40, width() / height(), 0.1, 100000);
  scene.add(new THREE.HemisphereLight(0xffffff, 0x667788, 2.2));
  const sun = new THREE.DirectionalLight(0xffffff, 1.5);
  sun.position.set(1, 2, 3);
  scene.add(sun);
  const controls = new OrbitControls(camera, renderer.domElement);
  const draw = () => renderer.render(scene, camera);
  controls.addEventListener('change', draw);
  const show = (object, geometry, what) => {
    geometry.computeBoundingBox();
    geometry.center();
    const size = new THREE.Vector3();
    geometry.boundingBox.getSize(size);
    const r = Math.max(size.x, size.y, size.z) || 1;
    scene.add(object);
    camera.position.set(r * 1.2, r * 0.9, r * 1.6);
    camera.near = r / 100; camera.far = r * 100; camera.updateProjectionMatrix();
    controls.update();
    draw();
    box.dataset.loaded = 'true';
    if (status) status.textContent = 'Drag to turn the part, scroll to zoom. ' + what + 'Size ' + size.x.toFixed(1) + ' × ' + size.y.toFixed(1) + ' × ' + size.z.toFixed(1) + ' mm.';
  };
  const failed = () => {
    box.dataset.loaded = 'failed';
    if (status) status.textContent = 'This file has no preview (it cannot be read).';
  };
  if (box.dataset.kind === 'toolpath') {
    // G-code: the deposited toolpath as line segments (x0 y0 z0 x1 y1 z1, little-endian floats), coloured by height
    fetch(box.dataset.src, { credentials: 'same-origin' }).then((res) => {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      const segments = res.headers.get('X-Preview-Segments'), total = res.headers.get('X-Preview-Total'), step = Number(res.headers.get('X-Preview-Layer-Step') || '1');
      return res.arrayBuffer().then((buf) => ({ buf, segments, total, step }));
    }).then(({ buf, segments, total, step }) => {
      const xyz = new Float32Array(buf);
      const geometry = new THREE.BufferGeometry();
      geometry.setAttribute('position', new THREE.BufferAttribute(xyz, 3));
      geometry.computeBoundingBox();
      const z0 = geometry.boundingBox.min.z, dz = (geometry.boundingBox.max.z - z0) || 1;
      const colours = new Float32Array(xyz.length);
      const c = new THREE.Color();
      for (let i = 0; i < xyz.length; i += 3) {
        c.setHSL(0.62 - 0.55 * (xyz[i + 2] - z0) / dz, 0.7, 0.45);
        colours[i] = c.r; colours[i + 1] = c.g; colours[i + 2] = c.b;
      }
      geometry.setAttribute('color', new THREE.BufferAttribute(colours, 3));
      const lines = new THREE.LineSegments(geometry, new THREE.LineBasicMaterial({ vertexColors: true }));
      show(lines, geometry, 'Toolpath: ' + segments + ' of ' + total + ' deposited segments' + (step > 1 ? ', every ' + step + 'th layer' : '') + '. ');
    }).catch(failed);
  } else {
    new STLLoader().load(box.dataset.src, (geometry) => {
      const mesh = new THREE.Mesh(geometry, new THREE.MeshStandardMaterial({ color: 0xb5651d, metalness: 0.1, roughness: 0.7 }));
      show(mesh, geometry, '');
    }, undefined, failed);
  }
  window.addEventListener('resize', () => { renderer.setSize(width(), height()); camera.aspect = width() / height(); camera.updateProjectionMatrix(); draw(); });
}
