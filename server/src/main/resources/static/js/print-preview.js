// The 3D preview of a held print file (three.js, served locally from /vendor/three): the file as binary STL,
// lit, centred and turned with the mouse or a finger. No inline script (the Content-Security-Policy allows none).
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
  new STLLoader().load(box.dataset.src, (geometry) => {
    geometry.computeBoundingBox();
    geometry.center();
    const size = new THREE.Vector3();
    geometry.boundingBox.getSize(size);
    const r = Math.max(size.x, size.y, size.z) || 1;
    const mesh = new THREE.Mesh(geometry, new THREE.MeshStandardMaterial({ color: 0xb5651d, metalness: 0.1, roughness: 0.7 }));
    scene.add(mesh);
    camera.position.set(r * 1.2, r * 0.9, r * 1.6);
    camera.near = r / 100; camera.far = r * 100; camera.updateProjectionMatrix();
    controls.update();
    draw();
    box.dataset.loaded = 'true';
    if (status) status.textContent = 'Drag to turn the part, scroll to zoom. Size ' + size.x.toFixed(1) + ' × ' + size.y.toFixed(1) + ' × ' + size.z.toFixed(1) + ' mm.';
  }, undefined, () => {
    box.dataset.loaded = 'failed';
    if (status) status.textContent = 'This file has no preview (G-code, or it cannot be read).';
  });
  window.addEventListener('resize', () => { renderer.setSize(width(), height()); camera.aspect = width() / height(); camera.updateProjectionMatrix(); draw(); });
}
